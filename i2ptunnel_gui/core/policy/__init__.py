"""Who a server tunnel admits: access lists, connection and POST limits, I2P ports, refusals."""
