/// JupyterWire: connection files, typed messages, frames ⇄ messages, HMAC-SHA256 signing.
public enum JupyterWire {
    /// The messaging protocol version this kernel speaks (headers and `kernel_info_reply`).
    public static let protocolVersion = "5.5"
}
