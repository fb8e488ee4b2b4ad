using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace SweLego.Curation.Export;

/// <summary>
/// Writes the scalars whose YamlDotNet spelling PyYAML (what LLaMA-Factory loads its configs with, YAML 1.1) reads
/// differently: a double in positional notation with a decimal point (<c>5e-5</c> → <c>0.00005</c>; YamlDotNet's
/// <c>5E-05</c> has no dot, so PyYAML would hand the trainer a string) and null as <c>null</c> (not an empty value).
/// </summary>
internal sealed class PyYamlScalarEmitter(IEventEmitter next) : ChainedEventEmitter(next)
{
    private const string DoubleFormat = "0.0###################";

    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        switch (eventInfo.Source.Value)
        {
            case null:
                emitter.Emit(new Scalar("null"));
                break;
            case double value:
                emitter.Emit(new Scalar(value.ToString(DoubleFormat, CultureInfo.InvariantCulture)));
                break;
            default:
                base.Emit(eventInfo, emitter);
                break;
        }
    }
}
