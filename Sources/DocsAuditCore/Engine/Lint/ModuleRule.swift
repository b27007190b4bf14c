/// A rule of a module (Modules/): it checks a structure the profile declares, so it runs only when the
/// profile declares its module's section (`graph`, `plans`, …).
protocol ModuleRule: Rule {
    /// The profile section that turns this rule on.
    var module: ProfileModule { get }
}

extension Rule {
    /// Whether this rule runs under `profile`: always for an engine rule, for a module rule only when the
    /// profile declares the module's section. The module is found by ID in the catalog's typed list, not by a
    /// cast (`RuleCatalog.moduleRules`).
    func runs(under profile: Profile) -> Bool {
        guard let module = RuleCatalog.ruleModules[description.id] else { return true }
        return profile.declares(module)
    }
}
