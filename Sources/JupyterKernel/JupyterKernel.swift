import JupyterWire

/// JupyterKernel: protocol behaviour behind an `Interpreter`, testable without sockets.
public enum JupyterKernel {
    public static let protocolVersion = JupyterWire.protocolVersion
}
