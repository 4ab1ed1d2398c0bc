import CZeroMQ

/// A socket option and its value.
public enum SocketOption: Sendable {
    /// How long unsent messages may delay `close` (0 = drop them at once).
    case linger(milliseconds: Int32)
    /// ROUTER: a reconnecting peer with a known identity takes over its old connection.
    case routerHandover(Bool)
    /// ROUTER: a message to an identity with no connection fails (EHOSTUNREACH) instead of
    /// being dropped silently.
    case routerMandatory(Bool)
    /// XPUB: report every subscription, also repeated ones (needed for `iopub_welcome`).
    case xpubVerbose(Bool)
    /// XPUB: subscriptions take effect only when the application applies them
    /// (``subscribe(_:)``/``unsubscribe(_:)`` right after receiving the subscription event apply
    /// to the subscriber that sent it); until then nothing is sent to that subscriber.
    case xpubManual(Bool)
    /// SUB: receive messages whose topic starts with these bytes ("" = all). Manual XPUB: let
    /// the subscriber of the last received subscription event have this topic.
    case subscribe([UInt8])
    /// SUB: stop receiving a topic. Manual XPUB: take the topic away from the subscriber of the
    /// last received event.
    case unsubscribe([UInt8])
    /// The identity a DEALER/REQ presents to a ROUTER.
    case routingID([UInt8])
    /// Outgoing queue limit in messages per peer (XPUB drops past it).
    case sendHighWaterMark(Int32)
    /// The largest frame a peer may send, in bytes (-1 = no limit): a peer announcing a larger
    /// one is disconnected before the frame is read (`ZMQ_MAXMSGSIZE`; it bounds each frame of
    /// a multipart message, not their sum).
    case maxMessageSize(Int64)
    /// TCP: accept IPv6 as well as IPv4 (needed to bind an IPv6 address).
    case ipv6(Bool)
    /// CURVE: this socket is the server (it needs ``curveSecretKey(_:)``; a client must know the
    /// matching public key to connect, and everything is encrypted).
    case curveServer(Bool)
    /// CURVE: this socket's long-term secret key, 40 characters of Z85.
    case curveSecretKey(String)
    /// CURVE: this socket's long-term public key, 40 characters of Z85.
    case curvePublicKey(String)
    /// CURVE client: the public key of the server to connect to, 40 characters of Z85.
    case curveServerKey(String)

    func apply(to socket: UnsafeMutableRawPointer) -> Int32 {
        switch self {
        case .linger(let milliseconds): return Self.setInt(socket, ZMQ_LINGER, milliseconds)
        case .routerHandover(let on): return Self.setInt(socket, ZMQ_ROUTER_HANDOVER, on ? 1 : 0)
        case .routerMandatory(let on): return Self.setInt(socket, ZMQ_ROUTER_MANDATORY, on ? 1 : 0)
        case .xpubVerbose(let on): return Self.setInt(socket, ZMQ_XPUB_VERBOSE, on ? 1 : 0)
        case .xpubManual(let on): return Self.setInt(socket, ZMQ_XPUB_MANUAL, on ? 1 : 0)
        case .sendHighWaterMark(let limit): return Self.setInt(socket, ZMQ_SNDHWM, limit)
        case .maxMessageSize(let bytes):
            var value = bytes
            return zmq_setsockopt(socket, ZMQ_MAXMSGSIZE, &value, MemoryLayout<Int64>.size)
        case .ipv6(let on): return Self.setInt(socket, ZMQ_IPV6, on ? 1 : 0)
        case .curveServer(let on): return Self.setInt(socket, ZMQ_CURVE_SERVER, on ? 1 : 0)
        case .curveSecretKey(let key): return Self.setBytes(socket, ZMQ_CURVE_SECRETKEY, Array(key.utf8))
        case .curvePublicKey(let key): return Self.setBytes(socket, ZMQ_CURVE_PUBLICKEY, Array(key.utf8))
        case .curveServerKey(let key): return Self.setBytes(socket, ZMQ_CURVE_SERVERKEY, Array(key.utf8))
        case .subscribe(let topic): return Self.setBytes(socket, ZMQ_SUBSCRIBE, topic)
        case .unsubscribe(let topic): return Self.setBytes(socket, ZMQ_UNSUBSCRIBE, topic)
        case .routingID(let identity): return Self.setBytes(socket, ZMQ_ROUTING_ID, identity)
        }
    }

    private static func setInt(_ socket: UnsafeMutableRawPointer, _ name: Int32, _ value: Int32) -> Int32 {
        var value = value
        return zmq_setsockopt(socket, name, &value, MemoryLayout<Int32>.size)
    }

    private static func setBytes(_ socket: UnsafeMutableRawPointer, _ name: Int32, _ value: [UInt8]) -> Int32 {
        value.withUnsafeBytes { zmq_setsockopt(socket, name, $0.baseAddress, $0.count) }
    }
}
