using Ingest.Japanese.Dictionary;
using Lucene.Net.Util;

namespace Ingest.Japanese;

// Lucene.Net finds an attribute's implementation by name: IXAttribute → XAttribute in the same namespace.
//
// The tokenizer does not look up a token's features: it records the word (its dictionary and id) and each attribute
// looks its string up when first read. Printing or indexing only the terms, the common case, thus never touches the
// feature table, which is then never even loaded. Values assigned through the setters win, as before.

/// <summary>A feature of one token: an assigned value, or the word whose feature it is, looked up on first read.</summary>
internal struct DeferredFeature
{
    private string? _value;
    private IWordSource? _source;
    private int _wordId;

    public void Defer(IWordSource source, int wordId)
    {
        _value = null;
        _source = source;
        _wordId = wordId;
    }

    public void Set(string? value)
    {
        _value = value;
        _source = null;
    }

    public string? Get(FeatureSlot slot)
    {
        if (_source is { } source)
        {
            _value = slot switch
            {
                FeatureSlot.PartOfSpeech => source.GetPartOfSpeech(_wordId),
                FeatureSlot.InflectionType => source.GetInflectionType(_wordId),
                FeatureSlot.InflectionForm => source.GetInflectionForm(_wordId),
                FeatureSlot.BaseForm => source.GetBaseForm(_wordId),
                FeatureSlot.Reading => source.GetReading(_wordId),
                _ => source.GetPronunciation(_wordId),
            };
            _source = null;
        }

        return _value;
    }
}

/// <summary>Default implementation of <see cref="IBaseFormAttribute"/>.</summary>
public sealed class BaseFormAttribute : Lucene.Net.Util.Attribute, IBaseFormAttribute
{
    private DeferredFeature _baseForm;

    public string? BaseForm { get => _baseForm.Get(FeatureSlot.BaseForm); set => _baseForm.Set(value); }

    internal void SetWord(IWordSource source, int wordId) => _baseForm.Defer(source, wordId);

    public override void Clear() => _baseForm.Set(null);

    public override void CopyTo(IAttribute target)
    {
        if (target is BaseFormAttribute same)
        {
            same._baseForm = _baseForm;
            return;
        }

        ((IBaseFormAttribute)target).BaseForm = BaseForm;
    }

    public override void ReflectWith(IAttributeReflector reflector) =>
        reflector.Reflect(typeof(IBaseFormAttribute), nameof(BaseForm), BaseForm);
}

/// <summary>Default implementation of <see cref="IPartOfSpeechAttribute"/>.</summary>
public sealed class PartOfSpeechAttribute : Lucene.Net.Util.Attribute, IPartOfSpeechAttribute
{
    private DeferredFeature _partOfSpeech;

    public string? PartOfSpeech { get => _partOfSpeech.Get(FeatureSlot.PartOfSpeech); set => _partOfSpeech.Set(value); }

    internal void SetWord(IWordSource source, int wordId) => _partOfSpeech.Defer(source, wordId);

    public override void Clear() => _partOfSpeech.Set(null);

    public override void CopyTo(IAttribute target)
    {
        if (target is PartOfSpeechAttribute same)
        {
            same._partOfSpeech = _partOfSpeech;
            return;
        }

        ((IPartOfSpeechAttribute)target).PartOfSpeech = PartOfSpeech;
    }

    public override void ReflectWith(IAttributeReflector reflector) =>
        reflector.Reflect(typeof(IPartOfSpeechAttribute), nameof(PartOfSpeech), PartOfSpeech);
}

/// <summary>Default implementation of <see cref="IReadingAttribute"/>.</summary>
public sealed class ReadingAttribute : Lucene.Net.Util.Attribute, IReadingAttribute
{
    private DeferredFeature _reading;
    private DeferredFeature _pronunciation;

    public string? Reading { get => _reading.Get(FeatureSlot.Reading); set => _reading.Set(value); }

    public string? Pronunciation { get => _pronunciation.Get(FeatureSlot.Pronunciation); set => _pronunciation.Set(value); }

    internal void SetWord(IWordSource source, int wordId)
    {
        _reading.Defer(source, wordId);
        _pronunciation.Defer(source, wordId);
    }

    public override void Clear()
    {
        _reading.Set(null);
        _pronunciation.Set(null);
    }

    public override void CopyTo(IAttribute target)
    {
        if (target is ReadingAttribute same)
        {
            same._reading = _reading;
            same._pronunciation = _pronunciation;
            return;
        }

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
    private DeferredFeature _inflectionType;
    private DeferredFeature _inflectionForm;

    public string? InflectionType { get => _inflectionType.Get(FeatureSlot.InflectionType); set => _inflectionType.Set(value); }

    public string? InflectionForm { get => _inflectionForm.Get(FeatureSlot.InflectionForm); set => _inflectionForm.Set(value); }

    internal void SetWord(IWordSource source, int wordId)
    {
        _inflectionType.Defer(source, wordId);
        _inflectionForm.Defer(source, wordId);
    }

    public override void Clear()
    {
        _inflectionType.Set(null);
        _inflectionForm.Set(null);
    }

    public override void CopyTo(IAttribute target)
    {
        if (target is InflectionAttribute same)
        {
            same._inflectionType = _inflectionType;
            same._inflectionForm = _inflectionForm;
            return;
        }

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
