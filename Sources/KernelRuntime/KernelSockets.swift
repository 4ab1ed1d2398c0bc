import Foundation
import JupyterWire
import ZeroMQ

/// The five kernel sockets, bound to the connection file's addresses.
///
/// shell, control and stdin are ROUTERs with `ROUTER_HANDOVER` (a reconnecting client takes
/// over its identity); IOPub is an XPUB with `XPUB_VERBOSE` and `XPUB_MANUAL` (every
/// subscription is reported, so each gets an `iopub_welcome`, see ``iopubOptions``); the
/// heartbeat is a ROUTER echoed by ``Proxy``. Every socket lingers at most `lingerMilliseconds`
/// on close, so shutdown is prompt.
///
/// Limits (``TransportLimits``): every socket disconnects a peer that sends a frame larger than
/// `maxMessageBytes`, before reading it; the shell, control, stdin and IOPub queues hold at
/// most `sendQueueLimit` messages per peer. zmq's default of 1000 *drops* what it cannot queue, so a burst of quick
/// cells (JupyterLab's Run All of a long notebook) outran a Python client and lost outputs,
/// idles and replies; without any limit a subscriber that stops reading made the kernel hold
/// every output. The limit is far above what a client that reads ever has queued.
///
/// Encryption: when the connection file has CurveZMQ keys, every socket — heartbeat and IOPub
/// included — is a CURVE server with that secret key; a client that does not know the public
/// key completes no handshake, so it can neither send nor receive anything.
///
/// Addresses: a host name (`localhost`) is resolved (``HostResolver``), an IPv6 address
/// (`::1`) is bound with `ZMQ_IPV6`; a port 0 lets the system choose (tcp) or takes the first
/// free numbered path (ipc), as ipykernel does, and ``bound`` reports the ports used.
///
/// The context's I/O thread is `SCHED_BATCH` (``Context/IOScheduling/batch``): on a machine
/// with few cores, a normal I/O thread woken by each send would preempt the shell thread once
/// per message; as a batch thread it writes a request's messages together (and `busy` with
/// `execute_input` before a cell runs: ``IOPubPublisher/flush()``).
struct KernelSockets {
    let context: Context
    let shell: Socket
    let control: Socket
    let stdin: Socket
    let iopub: Socket
    let heartbeat: Socket
    /// The connection as bound: the file's, with every port 0 replaced by the port in use.
    let bound: ConnectionInfo

    /// IOPub's XPUB reports every subscription (verbose) and applies none by itself (manual):
    /// ``IOPubPublisher`` applies each one and sends its `iopub_welcome` in one step, so a new
    /// subscriber never gets a message before its welcome — not even one being sent at the
    /// moment it joins, when libzmq attaches the subscriber inside that send.
    static let iopubOptions: [SocketOption] = [.xpubVerbose(true), .xpubManual(true)]

    init(
        binding connection: ConnectionInfo, limits: TransportLimits = TransportLimits(),
        lingerMilliseconds: Int32 = 100
    ) throws(TransportError) {
        if connection.curve != nil, !ZeroMQ.supports(.curve) {
            throw .curveUnavailable(libraryVersion: ZeroMQ.libraryVersion)
        }
        var target = connection
        if connection.transport == .tcp { target.ip = try HostResolver.bindableAddress(for: connection.ip) }
        var common: [SocketOption] = [.linger(milliseconds: lingerMilliseconds), .maxMessageSize(limits.maxMessageBytes)]
        if target.isIPv6 { common.append(.ipv6(true)) }
        if let curve = connection.curve {
            common += [.curveServer(true), .curveSecretKey(curve.secretKey), .curvePublicKey(curve.publicKey)]
        }
        let context: Context
        do { context = try Context(ioScheduling: .batch) } catch {
            throw .socket(.shell, address: connection.address(of: .shell), error)
        }
        func make(_ kind: SocketKind, _ channel: Channel, _ options: [SocketOption]) throws(TransportError) -> Socket {
            if target.transport == .ipc, target.port(of: channel) == 0 {
                target.setPort(Self.firstFreeIPCPort(prefix: target.ip), of: channel)
            }
            let address = target.address(of: channel)
            do {
                let socket = try Socket(context: context, kind: kind)
                for option in common + options { try socket.set(option) }
                try socket.bind(address)
                if target.port(of: channel) == 0, let port = Self.port(in: try socket.lastEndpoint()) {
                    target.setPort(port, of: channel)
                }
                return socket
            } catch {
                throw .socket(channel, address: address, error)
            }
        }
        self.context = context
        let queue = SocketOption.sendHighWaterMark(limits.sendQueueLimit)
        shell = try make(.router, .shell, [.routerHandover(true), queue])
        control = try make(.router, .control, [.routerHandover(true), queue])
        // Mandatory routing: an input_request to a front end whose stdin socket is not (yet)
        // connected fails, so the cell can retry instead of waiting for a reply that cannot come.
        stdin = try make(.router, .stdin, [.routerHandover(true), .routerMandatory(true), queue])
        iopub = try make(.xpub, .iopub, Self.iopubOptions + [queue])
        heartbeat = try make(.router, .heartbeat, [])
        var bound = connection
        for channel in Channel.allCases { bound.setPort(target.port(of: channel), of: channel) }
        self.bound = bound
    }

    /// The port of a bound endpoint such as `tcp://127.0.0.1:41234` or `tcp://[::1]:41234`.
    static func port(in endpoint: String) -> Int? {
        guard let colon = endpoint.lastIndex(of: ":") else { return nil }
        return Int(endpoint[endpoint.index(after: colon)...])
    }

    /// The smallest n ≥ 1 such that no file `PREFIX-n` exists (ipykernel's choice for port 0).
    private static func firstFreeIPCPort(prefix: String) -> Int {
        var port = 1
        while FileManager.default.fileExists(atPath: "\(prefix)-\(port)") { port += 1 }
        return port
    }
}
