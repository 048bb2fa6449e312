from i2ptunnel_gui.commands.cli import main

raise SystemExit(main())
