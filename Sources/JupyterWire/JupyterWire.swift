/// JupyterWire: connection files, typed messages, frames ⇄ messages, HMAC-SHA256 signing.
public enum JupyterWire {
    /// The messaging protocol version this kernel speaks.
    public static let protocolVersion = "5.5"
}
