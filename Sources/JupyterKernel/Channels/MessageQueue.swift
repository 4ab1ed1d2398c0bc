import Foundation
import JupyterWire

/// A thread-safe, blocking, in-memory queue of messages: the shell queue of the stdio runtime
/// and the channel tests drive the kernel through.
///
/// `@unchecked Sendable`: a condition-variable queue — every stored property is used only with
/// `condition` locked.
public final class MessageQueue: MessageSource, @unchecked Sendable {
    private let condition = NSCondition()
    private var messages = [Message]()
    private var head = 0
    private var closed = false

    public init(_ messages: [Message] = []) {
        self.messages = messages
    }

    /// Appends a message (ignored once closed).
    public func push(_ message: Message) {
        condition.lock()
        if !closed {
            messages.append(message)
            condition.signal()
        }
        condition.unlock()
    }

    /// Ends the queue: ``next()`` returns the remaining messages, then nil.
    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Closes the queue and takes out what is still waiting, oldest first: ``next()`` then
    /// returns nil.
    @discardableResult
    public func closeAndTakeWaiting() -> [Message] {
        condition.lock()
        closed = true
        let waiting = Array(messages[head...])
        messages.removeAll()
        head = 0
        condition.broadcast()
        condition.unlock()
        return waiting
    }

    public func next() -> Message? {
        condition.lock()
        defer { condition.unlock() }
        while head == messages.count && !closed {
            condition.wait()
        }
        return popLocked()
    }

    public func next(timeout: TimeInterval) -> Message? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while head == messages.count && !closed {
            if !condition.wait(until: deadline) { break }
        }
        return popLocked()
    }

    public func nextIfQueued() -> Message? {
        condition.lock()
        defer { condition.unlock() }
        return popLocked()
    }

    private func popLocked() -> Message? {
        guard head < messages.count else { return nil }
        let message = messages[head]
        head += 1
        if head > 64 && head * 2 > messages.count {
            messages.removeFirst(head)
            head = 0
        }
        return message
    }
}
