import Foundation
import XCTest

@testable import SpikeLang

extension XCTestCase {
    /// Releases `value` on a thread with a 512 KB stack, as the kernel's secondary threads
    /// often get: the release must not depend on the stack size. (Made in place, a value held
    /// nowhere else is released there; the caller's copies otherwise outlive the thread.)
    func releaseOnASmallStack(_ value: @autoclosure () -> Value) {
        let parcel = Parcel(value())
        let done = expectation(description: "released")
        let thread = Thread {
            parcel.contents = nil
            done.fulfill()
        }
        thread.stackSize = 512 << 10
        thread.start()
        wait(for: [done], timeout: 60)
    }
}
