#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program found on PATH (git) to completion and collects its standard output and error, feeding its
/// standard input from another thread so neither side can block the other on a full pipe.
enum Subprocess {
    struct Result {
        var status: Int32
        var output: [UInt8]
        var error: [UInt8]
    }

    /// Runs `arguments[0]` (looked up on PATH) with the rest as arguments; nil input gives /dev/null. Fails
    /// with the reason when the program cannot be started.
    static func run(_ arguments: [String], input: [UInt8]?) -> Swift.Result<Result, SubprocessFailure> {
        guard let program = arguments.first else { return .failure(SubprocessFailure("no program to run")) }
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        var inPipe: [Int32] = [-1, -1]
        defer { for descriptor in outPipe + errPipe + inPipe where descriptor >= 0 { close(descriptor) } }
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0, input == nil || pipe(&inPipe) == 0 else {
            return .failure(SubprocessFailure("cannot create a pipe: \(String(cString: strerror(errno)))"))
        }
        for descriptor in outPipe + errPipe + inPipe where descriptor >= 0 { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let started = posix_spawnp(&pid, program, &actions, nil, argv, environ)
        guard started == 0 else {
            return .failure(SubprocessFailure("cannot run \(program): \(String(cString: strerror(started)))"))
        }
        close(outPipe[1]); outPipe[1] = -1
        close(errPipe[1]); errPipe[1] = -1
        if let input {
            close(inPipe[0]); inPipe[0] = -1
            BoundedProcess.feed(input, to: inPipe[1])  // the feeding thread owns and closes it
            inPipe[1] = -1
        }
        let (output, error) = drain(outPipe[0], errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        return .success(Result(status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal, output: output, error: error))
    }

    /// Reads both descriptors to their ends, whichever has data first.
    private static func drain(_ out: Int32, _ err: Int32) -> ([UInt8], [UInt8]) {
        var collected: [[UInt8]] = [[], []]
        var open = [out, err]
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while open.contains(where: { $0 >= 0 }) {
            var waiting = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&waiting, nfds_t(waiting.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in waiting.indices where open[index] >= 0 && waiting[index].revents != 0 {
                let count = chunk.withUnsafeMutableBytes { read(open[index], $0.baseAddress, $0.count) }
                if count > 0 {
                    collected[index].append(contentsOf: chunk[0..<count])
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open[index] = -1
                }
            }
        }
        return (collected[0], collected[1])
    }
}

/// Why a program could not be run.
struct SubprocessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
