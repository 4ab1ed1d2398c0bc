import XCTest

@testable import KernelRuntime

/// What the kernel binds for a connection file's `ip`.
final class HostResolverTests: XCTestCase {
    func testAddressesAndTheWildcardAreBoundAsWritten() throws {
        for host in ["127.0.0.1", "::1", "0.0.0.0", "::", "*"] {
            XCTAssertEqual(try HostResolver.bindableAddress(for: host), host)
        }
    }

    func testLocalhostResolvesToTheIPv4LoopbackThatZeroMQClientsReach() throws {
        XCTAssertEqual(try HostResolver.bindableAddress(for: "localhost"), "127.0.0.1")
    }

    func testThePortOfABoundEndpointIsReadForIPv4AndIPv6() {
        XCTAssertEqual(KernelSockets.port(in: "tcp://127.0.0.1:41234"), 41234)
        XCTAssertEqual(KernelSockets.port(in: "tcp://[::1]:5555"), 5555)
        XCTAssertNil(KernelSockets.port(in: "tcp://127.0.0.1:*"))
    }
}
