from newsdistill.cli import main

main()
