namespace SweLego.Curation.Export;

/// <summary>What <c>swelego export</c> writes (the CLI names: <c>llamafactory</c>, <c>openai</c>, <c>parquet</c>).</summary>
public enum ExportFormat
{
    /// <summary>LLaMA-Factory sharegpt JSONL per curriculum bin, dataset_info.json, one training YAML per stage, train.sh.</summary>
    LlamaFactory,

    /// <summary>OpenAI chat fine-tuning JSONL, <c>weight: 0</c> on masked assistant messages.</summary>
    OpenAi,

    /// <summary>A Hugging Face dataset folder: <c>data/train-*.parquet</c> and a README.md with the card's YAML front matter.</summary>
    Parquet,
}
