#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Runs a helper program (Graphviz `dot`) with a wall-clock limit. The child gets its own process group, so
/// on a timeout the whole group is killed (a wrapper script's own children too), and SIGINT, SIGTERM or
/// SIGHUP sent to docs-audit kill the running group before docs-audit ends by the same signal. On Linux the
/// child is started through util-linux `setpriv --pdeathsig KILL` when that exists, so even a SIGKILL of
/// docs-audit, which no handler sees, takes the child with it.
public enum BoundedProcess {
    /// How a run ended.
    public enum Outcome: Sendable, Equatable {
        /// The child exited (or was killed by a signal: status 128 + signal) and closed its output.
        case finished(status: Int32, output: [UInt8])
        /// The limit passed; the child's process group was killed.
        case timedOut
        /// The child could not be started, or wrote more than `maximumOutput` bytes (it was killed).
        case failed(String)
    }

    /// Output beyond this many bytes counts as a failure (a drawing is never this large).
    public static let maximumOutput = 256 * 1_048_576

    /// Runs `executable` with `arguments`, feeding `input` on standard input and collecting standard output
    /// (standard error goes to /dev/null), for at most `timeLimit` seconds.
    public static func run(_ executable: String, arguments: [String], input: [UInt8], timeLimit: Double) -> Outcome {
        var inPipe: [Int32] = [-1, -1]
        var outPipe: [Int32] = [-1, -1]
        guard pipe(&inPipe) == 0 else { return .failed("cannot create a pipe: \(errnoText())") }
        guard pipe(&outPipe) == 0 else {
            close(inPipe[0]); close(inPipe[1])
            return .failed("cannot create a pipe: \(errnoText())")
        }
        // Close-on-exec: the child gets only the ends dup2'd onto 0 and 1.
        for descriptor in inPipe + outPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        ChildGroup.installHandlers()
        let (program, argv) = withParentDeathSignal(executable, arguments)
        guard let pid = spawn(program, arguments: argv, stdin: inPipe[0], stdout: outPipe[1]) else {
            let reason = errnoText()
            for descriptor in inPipe + outPipe { close(descriptor) }
            return .failed("cannot run \(executable): \(reason)")
        }
        ChildGroup.active = pid
        close(inPipe[0])
        close(outPipe[1])
        feed(input, to: inPipe[1])
        let deadline = DispatchTime.now().uptimeNanoseconds + nanoseconds(timeLimit)
        let collected = collect(outPipe[0], until: deadline)
        close(outPipe[0])
        let status = collected.timedOut ? nil : reap(pid, until: deadline)
        // Whatever happened, nothing of the group may outlive the run.
        kill(-pid, SIGKILL)
        if status == nil || collected.tooLarge { _ = waitFor(pid) }
        ChildGroup.active = 0
        if collected.tooLarge { return .failed("\(executable) wrote more than \(maximumOutput) bytes") }
        guard let status else { return .timedOut }
        return .finished(status: status, output: collected.bytes)
    }

    /// Where util-linux keeps `setpriv` (Debian's util-linux is an essential package).
    static let setpriv = "/usr/bin/setpriv"

    /// `executable` run through `setpriv --pdeathsig KILL` when that is available (Linux), else as it is.
    private static func withParentDeathSignal(_ executable: String, _ arguments: [String]) -> (String, [String]) {
        #if os(Linux)
        if access(setpriv, X_OK) == 0 { return (setpriv, ["--pdeathsig", "KILL", "--", executable] + arguments) }
        #endif
        return (executable, arguments)
    }

    /// Spawns `executable` (argv[0] is the executable itself) in a new process group.
    private static func spawn(_ executable: String, arguments: [String], stdin: Int32, stdout: Int32) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        if result != 0 {
            errno = result
            return nil
        }
        return pid
    }

    /// Writes `input` on a thread of its own that ignores SIGPIPE, so a child that exits (or is killed)
    /// without reading cannot end docs-audit; the thread owns `descriptor` and closes it when done.
    static func feed(_ input: [UInt8], to descriptor: Int32) {
        let started = detachThread {
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            _ = DescriptorWriter.write(input, to: descriptor)
            close(descriptor)
            // A SIGPIPE raised by that write is pending on this thread only: take it before the thread ends.
            var none = timespec(tv_sec: 0, tv_nsec: 0)
            while sigtimedwait(&pipeSignal, nil, &none) == SIGPIPE {}
        }
        // No thread: the child reads end of file at once rather than waiting for input that never comes.
        if !started { close(descriptor) }
    }

    private static func collect(_ descriptor: Int32,
                                until deadline: UInt64) -> (bytes: [UInt8], timedOut: Bool, tooLarge: Bool) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return (bytes, true, false) }
            var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min(1_000, (deadline - now) / 1_000_000 + 1))
            let ready = poll(&waiting, 1, milliseconds)
            if ready < 0 && errno != EINTR { return (bytes, false, false) }
            guard ready > 0 else { continue }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return (bytes, false, false) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return (bytes, false, false)
            }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maximumOutput { return (bytes, false, true) }
        }
    }

    /// The exit status once the child ends, polling until `deadline`; nil when it is still running then.
    private static func reap(_ pid: pid_t, until deadline: UInt64) -> Int32? {
        while DispatchTime.now().uptimeNanoseconds < deadline {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return decode(status) }
            if result < 0 && errno != EINTR { return 127 }
            usleep(5_000)
        }
        return nil
    }

    @discardableResult
    private static func waitFor(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return decode(status)
    }

    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private static func nanoseconds(_ seconds: Double) -> UInt64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return seconds >= 1e9 ? UInt64(1e18) : UInt64(seconds * 1e9)
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// The process group of the helper that is running now, for the signal handlers.
private enum ChildGroup {
    nonisolated(unsafe) static var active: pid_t = 0
    nonisolated(unsafe) static var installed = false

    /// Installs SIGINT, SIGTERM and SIGHUP handlers (once; a signal the parent ignored stays ignored) that
    /// kill the active group, then end docs-audit by the signal's default action.
    static func installHandlers() {
        guard !installed else { return }
        installed = true
        let handler: @convention(c) (Int32) -> Void = { received in
            let group = ChildGroup.active
            if group > 0 { kill(-group, SIGKILL) }
            signal(received, SIG_DFL)
            raise(received)
        }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            var previous = sigaction()
            guard sigaction(number, nil, &previous) == 0, previous.sa_flags & SA_SIGINFO == 0 else { continue }
            var action = sigaction()
            #if canImport(Glibc)
            guard previous.__sigaction_handler.sa_handler == nil else { continue }
            action.__sigaction_handler.sa_handler = handler
            #else
            guard previous.__sigaction_u.__sa_handler == nil else { continue }
            action.__sigaction_u.__sa_handler = handler
            #endif
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
        }
    }
}
