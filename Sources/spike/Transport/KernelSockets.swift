import JupyterWire
import ZeroMQ

/// The five kernel sockets, bound to the connection file's addresses.
///
/// shell, control and stdin are ROUTERs with `ROUTER_HANDOVER` (a reconnecting client takes
/// over its identity); IOPub is an XPUB with `XPUB_VERBOSE` and `XPUB_MANUAL` (every
/// subscription is reported, so each gets an `iopub_welcome`, see ``iopubOptions``); the heartbeat is a ROUTER echoed by ``Proxy``. Every socket
/// lingers at most `lingerMilliseconds` on close, so shutdown is prompt.
///
/// No outgoing queue has a high-water mark: at zmq's default of 1000 messages, a ROUTER or
/// XPUB *drops* what it cannot queue, so a burst of quick cells (JupyterLab's Run All of a
/// long notebook) outran a Python client and lost outputs, idles and replies. A client that
/// reads slowly now makes the kernel buffer instead; one that goes away takes its queue along.
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

    /// IOPub's XPUB reports every subscription (verbose) and applies none by itself (manual):
    /// ``IOPubPublisher`` applies each one and sends its `iopub_welcome` in one step, so a new
    /// subscriber never gets a message before its welcome — not even one being sent at the
    /// moment it joins, when libzmq attaches the subscriber inside that send.
    static let iopubOptions: [SocketOption] = [.xpubVerbose(true), .xpubManual(true)]

    init(binding connection: ConnectionInfo, lingerMilliseconds: Int32 = 100) throws(ZeroMQError) {
        let context = try Context(ioScheduling: .batch)
        func make(_ kind: SocketKind, _ channel: Channel, _ options: [SocketOption]) throws(ZeroMQError) -> Socket {
            let socket = try Socket(context: context, kind: kind)
            try socket.set(.linger(milliseconds: lingerMilliseconds))
            for option in options { try socket.set(option) }
            try socket.bind(connection.address(of: channel))
            return socket
        }
        self.context = context
        let unbounded = SocketOption.sendHighWaterMark(0)
        shell = try make(.router, .shell, [.routerHandover(true), unbounded])
        control = try make(.router, .control, [.routerHandover(true), unbounded])
        stdin = try make(.router, .stdin, [.routerHandover(true), unbounded])
        iopub = try make(.xpub, .iopub, Self.iopubOptions + [unbounded])
        heartbeat = try make(.router, .heartbeat, [])
    }
}
