import Dispatch

extension Array where Element: Sendable {
    /// Maps on all cores, keeping order. Each iteration writes its own slot, so no locking is needed.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let slots = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { input in
            let source = UncheckedBox(input)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.set(index, transform(source.value[index]))
            }
        }
        return slots.take()
    }

    /// `parallelMap` that starts the elements of largest `cost` first (the workers take elements in turn, so the
    /// costliest last would leave one worker busy long after the other is done); results keep the elements'
    /// order. Without a cost per element, the elements' order.
    func parallelMap<T: Sendable>(costliestFirst cost: [Int], _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1, cost.count == count else { return parallelMap(transform) }
        let order = indices.sorted { cost[$0] != cost[$1] ? cost[$0] > cost[$1] : $0 < $1 }
        let slots = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { input in
            let source = UncheckedBox(input)
            order.withUnsafeBufferPointer { order in
                let steps = UncheckedBox(order)
                DispatchQueue.concurrentPerform(iterations: count) { step in
                    let index = steps.value[step]
                    slots.set(index, transform(source.value[index]))
                }
            }
        }
        return slots.take()
    }
}

/// A read-only pointer carried into `concurrentPerform`'s `@Sendable` closure.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Disjoint output slots for a parallel loop.
private final class ResultSlots<T>: @unchecked Sendable {
    private var storage: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    func set(_ index: Int, _ value: T) { storage[index] = value }

    func take() -> [T] { storage.compactMap { $0 } }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
}
