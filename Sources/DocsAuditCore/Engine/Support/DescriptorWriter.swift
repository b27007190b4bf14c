#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to a file descriptor with `write(2)` until all are written or it fails, and reports the
/// failure as an `errno` instead of trapping (Foundation's `FileHandle.write` traps on EPIPE, EBADF, ENOSPC).
public enum DescriptorWriter {
    /// Writes every byte of `bytes` to `descriptor`; nil on success, else the `errno` that stopped it.
    /// Retries on EINTR and waits on EAGAIN (a non-blocking descriptor); a write of 0 bytes counts as EIO.
    public static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return systemWrite(descriptor, base + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written == 0 {
                return EIO
            } else if errno == EINTR {
                continue
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&waiting, 1, 1_000)
            } else {
                return errno
            }
        }
        return nil
    }

    /// A short description of `code` such as `Broken pipe (EPIPE)`.
    public static func describe(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        let names: [Int32: String] = [EPIPE: "EPIPE", EBADF: "EBADF", ENOSPC: "ENOSPC", EIO: "EIO"]
        return names[code].map { "\(text) (\($0))" } ?? text
    }

    private static func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(descriptor, pointer, count)
        #else
        return Darwin.write(descriptor, pointer, count)
        #endif
    }
}
