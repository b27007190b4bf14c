/// A rule of a module (Modules/): it checks a structure the profile declares, so it runs only when the
/// profile declares its module's section (`graph`, `plans`, …).
protocol ModuleRule: Rule {
    /// The profile section that turns this rule on.
    var module: ProfileModule { get }
}

extension Rule {
    /// Whether this rule runs under `profile`: always for an engine rule, for a module rule only when the
    /// profile declares the module's section.
    func runs(under profile: Profile) -> Bool {
        guard let rule = self as? any ModuleRule else { return true }
        return profile.declares(rule.module)
    }
}
