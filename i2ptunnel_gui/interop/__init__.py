"""Import and export Java I2P and i2pd tunnel configs.

`reader` finds tunnels in a config, `importing` adds them to the app (keys first),
`exporting` writes both formats (a bundle carries the key files), `convert` goes from
one format to the other in one step, and `clashes` checks listen addresses.
`java` and `i2pd` hold each format's syntax and mapping; `model` the shared types.
"""
