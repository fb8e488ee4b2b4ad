using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace SweLego.Curation.Export;

/// <summary>
/// Writes doubles in positional notation with a decimal point (<c>5e-5</c> → <c>0.00005</c>, <c>4</c> → <c>4.0</c>).
/// YamlDotNet's default (<c>5E-05</c>) is a float in YAML 1.2 but a string to PyYAML (YAML 1.1 wants a dot and a signed
/// exponent), which is what LLaMA-Factory loads its configs with: a learning rate would arrive as text.
/// </summary>
internal sealed class PlainDoubleYamlConverter : IYamlTypeConverter
{
    private const string Format = "0.0###################";

    public bool Accepts(Type type) => type == typeof(double);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer) =>
        double.Parse(parser.Consume<Scalar>().Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(((double)value!).ToString(Format, CultureInfo.InvariantCulture)));
}
