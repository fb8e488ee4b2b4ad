namespace SweLego.Python; internal static class Placeholder { }
