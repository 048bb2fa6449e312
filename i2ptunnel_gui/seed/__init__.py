"""Support of the seed's blocking API; its public classes live in `i2ptunnel_gui.tunnel`."""
