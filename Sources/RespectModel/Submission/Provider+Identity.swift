extension Provider {
    /// The number that identifies the organisation: its charity number, else its company number,
    /// normalised by `registeredNumber(_:)`; `nil` when it gives neither. Names are not
    /// identities: several charities share a name, and a charity can change its name.
    public var registeredNumber: String? {
        charityNumber.flatMap(Provider.registeredNumber) ?? companyNumber.flatMap(Provider.registeredNumber)
    }

    /// A charity or company number as numbers are compared: white space removed, upper case
    /// (`"sc 012 345"` → `"SC012345"`); `nil` when nothing is left.
    public static func registeredNumber(_ text: String) -> String? {
        let normalised = text.filter { !$0.isWhitespace }.uppercased()
        return normalised.isEmpty ? nil : normalised
    }
}
