import Foundation

/// Turns a connection file's `ip` into an address libzmq can bind.
///
/// libzmq binds addresses and interface names only: `localhost` fails with "No such device".
/// Addresses (`127.0.0.1`, `::1`) and the wildcards (`*`, `0.0.0.0`) are kept; a name is
/// resolved with `getaddrinfo`, preferring an IPv4 address — what a client connecting to
/// the same name with libzmq's default (IPv4 only) reaches.
enum HostResolver {
    /// The address to bind for `host`.
    static func bindableAddress(for host: String) throws(TransportError) -> String {
        if host == "*" || isNumericAddress(host) { return host }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let list else {
            throw .hostNotFound(host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var addresses = [(family: Int32, text: String)]()
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            if let text = numericText(of: current.pointee) { addresses.append((current.pointee.ai_family, text)) }
            entry = current.pointee.ai_next
        }
        guard let chosen = addresses.first(where: { $0.family == AF_INET }) ?? addresses.first else {
            throw .hostNotFound(host, reason: "no IPv4 or IPv6 address")
        }
        return chosen.text
    }

    /// Whether `host` is an IPv4 or IPv6 address in text form.
    static func isNumericAddress(_ host: String) -> Bool {
        var buffer = in6_addr()
        return inet_pton(AF_INET, host, &buffer) == 1 || inet_pton(AF_INET6, host, &buffer) == 1
    }

    /// The address of `info` as text, e.g. `127.0.0.1` or `::1`.
    private static func numericText(of info: addrinfo) -> String? {
        guard let address = info.ai_addr, info.ai_family == AF_INET || info.ai_family == AF_INET6 else { return nil }
        var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        guard getnameinfo(address, info.ai_addrlen, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0
        else { return nil }
        return text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
