"""Regenerate the sample key files: structurally valid I2P private keys (Ed25519
signing, ElGamal crypto layout) filled with seeded random bytes. Not usable on a
real router (the halves do not match), which is all the importer tests need."""

import random
from pathlib import Path

from i2ptunnel_gui.core.sam.keys import build_destination, build_private_key

HERE = Path(__file__).parent
FILES = ["java/eepsite/eepPriv.dat", "java/keys/jabber-client.dat", "i2pd/ssh-in.dat",
         "i2pd/keys/web.dat"]


def main() -> None:
    rng = random.Random(42)
    for name in FILES:
        dest = build_destination(rng.randbytes(256), rng.randbytes(32), sig_type=7)
        key = build_private_key(dest, rng.randbytes(256), rng.randbytes(32))
        (HERE / name).write_bytes(key.raw)


if __name__ == "__main__":
    main()
