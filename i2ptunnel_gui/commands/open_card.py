"""`i2ptunnel-gui open CARD`: open a share card (link, file:// URL or .i2pcard file).

The card is read and checked here, before anything starts: a bad card is one line on
stderr and exit 2, and nothing is created. A good one goes to the window, which shows
the confirmation (the client tunnel is only created when the user accepts it): to the
running instance if there is one, else to a new one.
"""

from __future__ import annotations

import argparse
import sys

from i2ptunnel_gui.core.share_card import CardError, load_card


def run(args: argparse.Namespace) -> int:
    try:
        card = load_card(args.card)
    except CardError as e:
        sys.stderr.write(f"i2ptunnel-gui: not a usable share card: {e}\n")
        return 2
    from i2ptunnel_gui.ui import app  # Qt only once the card is known to be good

    return app.run(args, card=card)
