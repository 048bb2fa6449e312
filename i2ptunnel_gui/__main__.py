from i2ptunnel_gui.cli import main

raise SystemExit(main())
