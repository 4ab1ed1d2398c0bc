import Foundation
import XCTest
import ZeroMQ

/// Message-size limits and CurveZMQ encryption at the socket level.
final class SocketSecurityTests: XCTestCase {
    private func router(_ context: Context, _ options: [SocketOption], at address: String = "tcp://127.0.0.1:*")
        throws -> Socket
    {
        let socket = try Socket(context: context, kind: .router)
        try socket.set(.linger(milliseconds: 0))
        for option in options { try socket.set(option) }
        try socket.bind(address)
        return socket
    }

    private func dealer(_ context: Context, to endpoint: String, _ options: [SocketOption] = []) throws -> Socket {
        let socket = try Socket(context: context, kind: .dealer)
        try socket.set(.linger(milliseconds: 0))
        for option in options { try socket.set(option) }
        try socket.connect(endpoint)
        return socket
    }

    /// The frames of the next message on `socket` within `seconds`, or nil.
    private func receive(_ socket: Socket, within seconds: Double) throws -> [[UInt8]]? {
        guard try Poller.readable([socket], timeoutMilliseconds: Int(seconds * 1000))[0] else { return nil }
        return try socket.receive(dontWait: true)
    }

    func testAFrameOverTheLimitIsNeverDeliveredAndSmallerOnesStillAre() throws {
        let context = try Context()
        let server = try router(context, [.maxMessageSize(1000)])
        let endpoint = try server.lastEndpoint()
        let big = try dealer(context, to: endpoint)
        try big.send([[UInt8](repeating: 1, count: 1001)])
        XCTAssertNil(try receive(server, within: 0.5), "the oversized frame must not arrive")
        let small = try dealer(context, to: endpoint)
        try small.send([[UInt8](repeating: 2, count: 1000)])
        XCTAssertEqual(try receive(server, within: 5)?.last, [UInt8](repeating: 2, count: 1000))
    }

    func testLibzmqHereHasCurve() {
        XCTAssertTrue(ZeroMQ.supports(.curve), "Debian's libzmq is built with libsodium")
        let pair = ZeroMQ.curveKeyPair()
        XCTAssertEqual(pair?.publicKey.count, 40)
        XCTAssertEqual(pair?.secretKey.count, 40)
    }

    func testACurveServerTalksOnlyToClientsThatKnowItsPublicKey() throws {
        let server = try XCTUnwrap(ZeroMQ.curveKeyPair())
        let client = try XCTUnwrap(ZeroMQ.curveKeyPair())
        let context = try Context()
        let socket = try router(context, [.curveServer(true), .curveSecretKey(server.secretKey)])
        let endpoint = try socket.lastEndpoint()

        let plain = try dealer(context, to: endpoint)
        try plain.send([Array("plain".utf8)])
        let wrongKey = try XCTUnwrap(ZeroMQ.curveKeyPair())
        let impostor = try dealer(
            context, to: endpoint,
            [
                .curveServerKey(wrongKey.publicKey), .curvePublicKey(client.publicKey), .curveSecretKey(client.secretKey)
            ])
        try impostor.send([Array("impostor".utf8)])
        XCTAssertNil(try receive(socket, within: 0.5), "no handshake without the server's public key")

        let trusted = try dealer(
            context, to: endpoint,
            [
                .curveServerKey(server.publicKey), .curvePublicKey(client.publicKey), .curveSecretKey(client.secretKey)
            ])
        try trusted.send([Array("hello".utf8)])
        let received = try XCTUnwrap(try receive(socket, within: 5))
        XCTAssertEqual(received.last, Array("hello".utf8))
        try socket.send(received)
        XCTAssertEqual(try receive(trusted, within: 5), [Array("hello".utf8)])
    }
}
