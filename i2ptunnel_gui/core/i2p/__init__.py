"""I2P tunnel kinds over a SAM bridge: the kept-alive session, server and client."""
