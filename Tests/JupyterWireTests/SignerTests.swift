import Foundation
import JupyterWire
import XCTest

final class SignerTests: XCTestCase {
    func testSignaturesEqualPythonHmacSha256OverTheConcatenatedParts() throws {
        let cases = try WireVectors.load().section("signatures")
        XCTAssertGreaterThanOrEqual(cases.count, 5)
        for vector in cases {
            let key = try vector.string("key")
            let expected = try vector.string("signature")
            let parts = try vector.byteList("parts")
            XCTAssertEqual(Signer(key: key).signature(of: parts), expected, "key \(key)")
        }
    }

    func testAPythonSignatureVerifiesAndAnyAlteredByteDoesNot() throws {
        for vector in try WireVectors.load().section("signatures") where !(try vector.string("key")).isEmpty {
            let signer = Signer(key: try vector.string("key"))
            let parts = try vector.byteList("parts")
            let signature = Data(try vector.string("signature").utf8)
            XCTAssertTrue(signer.verify(signature, of: parts))
            var altered = signature
            altered[altered.startIndex] = altered.first == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            XCTAssertFalse(signer.verify(altered, of: parts))
            XCTAssertFalse(signer.verify(signature.dropLast(), of: parts))
            XCTAssertFalse(signer.verify(Data(), of: parts))
        }
    }

    func testAnEmptyKeySignsWithAnEmptySignatureAndAcceptsAnything() {
        let signer = Signer(key: "")
        XCTAssertFalse(signer.isSigning)
        XCTAssertEqual(signer.signature(of: [Data("{}".utf8)]), "")
        XCTAssertTrue(signer.verify(Data("whatever".utf8), of: [Data("{}".utf8)]))
    }

    func testTheKeyIsTheUtf8OfTheStringNotItsHexDecoding() {
        let hexLooking = Signer(key: "00ff")
        let parts = [Data("x".utf8)]
        // HMAC-SHA256(key = b"00ff", msg = b"x"), from Python: hmac.new(b"00ff", b"x", "sha256").hexdigest()
        XCTAssertEqual(
            hexLooking.signature(of: parts), "cf171498d12f7e18757520af4b9413b4ad5b3e1d17b429a6252c37986573b236"
        )
    }
}
