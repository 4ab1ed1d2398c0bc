import CZeroMQ

/// The ZeroMQ socket patterns this project uses.
public enum SocketKind: Sendable {
    case router, dealer, xpub, sub, req, rep, pair

    var rawValue: Int32 {
        switch self {
        case .router: return ZMQ_ROUTER
        case .dealer: return ZMQ_DEALER
        case .xpub: return ZMQ_XPUB
        case .sub: return ZMQ_SUB
        case .req: return ZMQ_REQ
        case .rep: return ZMQ_REP
        case .pair: return ZMQ_PAIR
        }
    }
}
