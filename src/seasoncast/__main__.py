from seasoncast.cli import main

main()
