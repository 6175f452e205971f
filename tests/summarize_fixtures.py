"""Small hand-written story clusters for the summarizer tests (our own text, no dataset needed)."""

from __future__ import annotations

from newsdistill.model import Article
from newsdistill.text import parse_datetime

STORM = [
    {"id": "wire-1", "date": "2024-03-02", "source": "Wire", "text":
        "MIAMI (AP) _ Hurricane Delia struck the coast of Florida on Saturday with winds of 120 mph, "
        "forcing 40,000 residents from their homes.\n\n"
        "Governor Ana Ruiz declared a state of emergency in 12 counties before the storm made landfall "
        "near Fort Myers.\n\n"
        "By JOHN SMITH, Associated Press Writer\n\n"
        "He said shelters were open across the region.\n\n"
        "The National Hurricane Center said Delia would weaken as it moved inland over the weekend."},
    {"id": "paper-2", "date": "2024-03-03", "source": "Daily", "text":
        "Hurricane Delia struck the coast of Florida on Saturday with winds of 120 mph, forcing "
        "40,000 residents from their homes.\n\n"
        "Power companies reported that 300,000 customers lost electricity in Lee and Collier counties "
        "on Saturday night.\n\n"
        "But officials warned that flooding could last for days in low-lying neighbourhoods.\n\n"
        "Editor's note: this story was updated with new figures from the utility companies."},
    {"id": "site-3", "date": "2024-03-03", "source": "Site", "text":
        "Hurricane Delia struck the coast of Florida on Saturday with winds of 120 mph, forcing about "
        "40,000 residents from their homes, officials said.\n\n"
        "Governor Ana Ruiz declared a state of emergency in 12 counties before the storm made landfall "
        "near Fort Myers.\n\n"
        "Power companies reported that 300,000 customers lost electricity in Lee and Collier counties "
        "on Saturday night.\n\n"
        "\"We have never seen water this high,\" said one resident of Naples."},
    {"id": "radio-4", "date": "2024-03-04", "source": "Radio", "text":
        "Crews began clearing roads in Fort Myers on Monday after Hurricane Delia left at least three "
        "people dead in Florida.\n\n"
        "The National Hurricane Center said Delia would weaken as it moved inland over the weekend "
        "(the storm was downgraded to a tropical storm on Sunday).\n\n"
        "Power companies reported that 300,000 customers lost electricity in Lee and Collier counties "
        "on Saturday night."},
]


def articles(records: list[dict] = STORM) -> list[Article]:
    return [Article(id=r["id"], text=r["text"], title=r.get("title"), outlet=r.get("source"),
                    published=parse_datetime(r.get("date"))) for r in records]
