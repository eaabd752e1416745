using Lucene.Net.Util;

namespace Ingest.Japanese;

// Lucene.Net finds an attribute's implementation by name: IXAttribute → XAttribute in the same namespace.

/// <summary>Default implementation of <see cref="IBaseFormAttribute"/>.</summary>
public sealed class BaseFormAttribute : Lucene.Net.Util.Attribute, IBaseFormAttribute
{
    public string? BaseForm { get; set; }

    public override void Clear() => BaseForm = null;

    public override void CopyTo(IAttribute target) => ((IBaseFormAttribute)target).BaseForm = BaseForm;

    public override void ReflectWith(IAttributeReflector reflector) =>
        reflector.Reflect(typeof(IBaseFormAttribute), nameof(BaseForm), BaseForm);
}

/// <summary>Default implementation of <see cref="IPartOfSpeechAttribute"/>.</summary>
public sealed class PartOfSpeechAttribute : Lucene.Net.Util.Attribute, IPartOfSpeechAttribute
{
    public string? PartOfSpeech { get; set; }

    public override void Clear() => PartOfSpeech = null;

    public override void CopyTo(IAttribute target) => ((IPartOfSpeechAttribute)target).PartOfSpeech = PartOfSpeech;

    public override void ReflectWith(IAttributeReflector reflector) =>
        reflector.Reflect(typeof(IPartOfSpeechAttribute), nameof(PartOfSpeech), PartOfSpeech);
}

/// <summary>Default implementation of <see cref="IReadingAttribute"/>.</summary>
public sealed class ReadingAttribute : Lucene.Net.Util.Attribute, IReadingAttribute
{
    public string? Reading { get; set; }

    public string? Pronunciation { get; set; }

    public override void Clear()
    {
        Reading = null;
        Pronunciation = null;
    }

    public override void CopyTo(IAttribute target)
    {
        var other = (IReadingAttribute)target;
        other.Reading = Reading;
        other.Pronunciation = Pronunciation;
    }

    public override void ReflectWith(IAttributeReflector reflector)
    {
        reflector.Reflect(typeof(IReadingAttribute), nameof(Reading), Reading);
        reflector.Reflect(typeof(IReadingAttribute), nameof(Pronunciation), Pronunciation);
    }
}

/// <summary>Default implementation of <see cref="IInflectionAttribute"/>.</summary>
public sealed class InflectionAttribute : Lucene.Net.Util.Attribute, IInflectionAttribute
{
    public string? InflectionType { get; set; }

    public string? InflectionForm { get; set; }

    public override void Clear()
    {
        InflectionType = null;
        InflectionForm = null;
    }

    public override void CopyTo(IAttribute target)
    {
        var other = (IInflectionAttribute)target;
        other.InflectionType = InflectionType;
        other.InflectionForm = InflectionForm;
    }

    public override void ReflectWith(IAttributeReflector reflector)
    {
        reflector.Reflect(typeof(IInflectionAttribute), nameof(InflectionType), InflectionType);
        reflector.Reflect(typeof(IInflectionAttribute), nameof(InflectionForm), InflectionForm);
    }
}
