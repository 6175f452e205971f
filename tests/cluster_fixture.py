"""A small hand-written stream: two earthquakes and two shootings, three reports each."""

from __future__ import annotations

from datetime import datetime, timezone

from newsdistill.model import Article

EVENTS = {
    "quake-iran": [
        ("Quake hits Qeshm island off Iran", "A magnitude 5.6 earthquake struck Qeshm island off southern Iran on Sunday, injuring five people in the town of Dargahan, Iranian state media said. Buildings were damaged in Dargahan and nearby villages."),
        ("Five hurt as earthquake shakes Qeshm", "Five people were injured when a 5.6 magnitude quake hit Iran's Qeshm island on Sunday. The Red Crescent sent rescue teams to Dargahan, where several old buildings were damaged."),
        ("Iran quake: Qeshm damage assessed", "Officials on Qeshm island assessed damage on Monday after Sunday's magnitude 5.6 earthquake injured five residents of Dargahan. Iranian media said no one was killed."),
    ],
    "quake-chile": [
        ("Strong earthquake rocks northern Chile", "A magnitude 7.1 earthquake struck near Iquique in northern Chile on Tuesday, killing two people and cutting power to thousands of homes, Chile's emergency office Onemi said."),
        ("Chile: 7.1 quake kills two near Iquique", "Two people died when a 7.1 magnitude earthquake hit the Tarapaca region near Iquique on Tuesday. Onemi said power was cut and a tsunami warning was lifted hours later."),
        ("Iquique cleans up after earthquake", "Residents of Iquique cleared rubble on Wednesday after Tuesday's magnitude 7.1 earthquake in northern Chile, which killed two people. Onemi said power had been restored to most homes."),
    ],
    "shooting-ohio": [
        ("Three killed in Dayton bar shooting", "A gunman killed three people at a bar in Dayton, Ohio, late on Friday before police shot him dead, Dayton police chief Richard Biehl said. Police named the gunman as Mark Tolliver, 31."),
        ("Dayton shooting: gunman named as Mark Tolliver", "Police in Dayton, Ohio, named Mark Tolliver, 31, as the man who shot three people dead at a bar on Friday night. Chief Richard Biehl said officers killed him within a minute."),
        ("Vigil for Dayton bar shooting victims", "Hundreds gathered in Dayton on Sunday to remember the three people shot dead at a bar on Friday by Mark Tolliver. Ohio's governor ordered flags lowered, Chief Richard Biehl said."),
    ],
    "shooting-texas": [
        ("Five shot at El Paso shopping mall", "A gunman opened fire at the Cielo Vista mall in El Paso, Texas, on Saturday, wounding five shoppers before surrendering, El Paso police spokesman Sgt. Enrique Carrillo said."),
        ("El Paso mall gunman surrenders after wounding five", "Five people were wounded when a man opened fire inside Cielo Vista mall in El Paso on Saturday. Sgt. Enrique Carrillo said the suspect, 22, surrendered to Texas officers."),
        ("El Paso mall reopens after shooting", "The Cielo Vista mall in El Paso, Texas, reopened on Monday, two days after a gunman wounded five shoppers. Sgt. Enrique Carrillo said all five were expected to survive."),
    ],
}


def fixture_articles(dated: bool = True) -> tuple[list[Article], dict[str, str]]:
    """The articles and their gold event; dated ones fall on the same three days for every event."""
    articles, gold = [], {}
    for event, reports in EVENTS.items():
        for i, (title, text) in enumerate(reports):
            aid = f"{event}-{i}"
            when = datetime(2024, 3, 3 + i, 12, tzinfo=timezone.utc) if dated else None
            articles.append(Article(id=aid, title=title, text=text, published=when,
                                    outlet=f"outlet{i}", url=f"https://outlet{i}.example/{aid}"))
            gold[aid] = event
    return articles, gold
