namespace SweLego; internal static class Placeholder { }
