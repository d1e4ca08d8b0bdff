from umpanbalik.cli import main

raise SystemExit(main())
