/// What the kernel's sockets may hold, per peer: the largest incoming frame and the longest
/// outgoing queue.
///
/// - ``maxMessageBytes``: a peer that announces a larger frame is disconnected before the frame
///   is read, so no one (signed or not) can make the kernel buffer more than this per frame.
///   32 MiB holds a cell of ~500,000 lines of 60 characters; a cell's source and its JSON
///   framing are far below it. libzmq applies it per frame, not per multipart message.
/// - ``sendQueueLimit``: messages queued for one peer that does not read (an IOPub subscriber
///   that stalled, a shell client that stopped reading replies). Past it that peer's messages
///   are dropped — only that peer's — instead of held without bound; its queue is freed when
///   it disconnects (and the memory given back to the system, ``DepartureWatch``). 100,000 is twice what a Run All of 10,000 quick cells queues (five IOPub
///   messages each) for a client that sends them all before reading, so a client that keeps
///   up never reaches it. Held memory is at most this many messages (~0.5 KB each for status
///   and short streams) plus the operating system's socket buffers.
///
/// Both can be set with `spike kernel --max-message-bytes/--send-queue-limit` or the
/// environment variables ``maxMessageBytesVariable`` and ``sendQueueLimitVariable``.
public struct TransportLimits: Equatable, Sendable {
    public static let defaultMaxMessageBytes: Int64 = 32 << 20
    public static let defaultSendQueueLimit: Int32 = 100_000
    public static let maxMessageBytesVariable = "SPIKE_MAX_MESSAGE_BYTES"
    public static let sendQueueLimitVariable = "SPIKE_SEND_QUEUE_LIMIT"

    public var maxMessageBytes: Int64
    public var sendQueueLimit: Int32

    public init(maxMessageBytes: Int64 = defaultMaxMessageBytes, sendQueueLimit: Int32 = defaultSendQueueLimit) {
        self.maxMessageBytes = maxMessageBytes
        self.sendQueueLimit = sendQueueLimit
    }
}
