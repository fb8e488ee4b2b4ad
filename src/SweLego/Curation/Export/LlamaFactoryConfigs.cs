using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SweLego.Runs;
using SweLego.Sandboxes;
using YamlDotNet.Serialization;

namespace SweLego.Curation.Export;

/// <summary>
/// The trainer side of a llamafactory export. Each stage's YAML carries every setting of the released SWE-Lego recipe
/// (<see cref="LlamaFactoryRecipe"/>; template and cutoff from the curation settings, so the trainer cuts where our
/// token counts did); stage k trains bins 1..k from stage k−1's output; <c>train.sh</c> runs the stages in order and
/// skips one whose output holds <see cref="CompletedMarker"/>.
/// </summary>
internal static class LlamaFactoryConfigs
{
    public const string DatasetInfoFile = "dataset_info.json";
    public const string DeepSpeedFile = "ds_z3_config.json";
    public const string TrainScriptFile = "train.sh";
    public const string SavesFolder = "saves";

    /// <summary>Written by train.sh into a stage's output folder once <c>llamafactory-cli train</c> succeeded.</summary>
    public const string CompletedMarker = ".swelego-stage-complete";

    private static readonly ISerializer Yaml = new SerializerBuilder().WithIndentedSequences().WithQuotingNecessaryStrings()
        .WithEventEmitter(next => new PyYamlScalarEmitter(next)).Build();

    /// <summary>A sharegpt entry with the role/content tags of our records (spec §3).</summary>
    public static JsonObject DatasetInfoEntry(string file) => new()
    {
        ["file_name"] = file,
        ["formatting"] = "sharegpt",
        ["columns"] = new JsonObject { ["messages"] = "messages" },
        ["tags"] = new JsonObject
        {
            ["role_tag"] = "role",
            ["content_tag"] = "content",
            ["user_tag"] = SftMessage.User,
            ["assistant_tag"] = SftMessage.Assistant,
            ["system_tag"] = SftMessage.System,
        },
    };

    /// <summary>
    /// DeepSpeed ZeRO-3 with the settings of LLaMA-Factory's examples/deepspeed/ds_z3_config.json (the recipe's
    /// <c>deepspeed:</c>): "auto" values are filled in by the trainer from the YAML.
    /// </summary>
    public static string DeepSpeedZero3 { get; } = new JsonObject
    {
        ["train_batch_size"] = "auto",
        ["train_micro_batch_size_per_gpu"] = "auto",
        ["gradient_accumulation_steps"] = "auto",
        ["gradient_clipping"] = "auto",
        ["zero_allow_untested_optimizer"] = true,
        ["fp16"] = new JsonObject
        {
            ["enabled"] = "auto",
            ["loss_scale"] = 0,
            ["loss_scale_window"] = 1000,
            ["initial_scale_power"] = 16,
            ["hysteresis"] = 2,
            ["min_loss_scale"] = 1,
        },
        ["bf16"] = new JsonObject { ["enabled"] = "auto" },
        ["zero_optimization"] = new JsonObject
        {
            ["stage"] = 3,
            ["overlap_comm"] = false,
            ["contiguous_gradients"] = true,
            ["sub_group_size"] = 1_000_000_000,
            ["reduce_bucket_size"] = "auto",
            ["stage3_prefetch_bucket_size"] = "auto",
            ["stage3_param_persistence_threshold"] = "auto",
            ["stage3_max_live_parameters"] = 1_000_000_000,
            ["stage3_max_reuse_distance"] = 1_000_000_000,
            ["stage3_gather_16bit_weights_on_model_save"] = true,
        },
    }.ToJsonString(RunJson.IndentedOptions);

    /// <summary>
    /// One stage per bin that has records, in curriculum order: stage k's datasets are those of bins 1..k, its model
    /// the previous stage's output (the base model for stage 1). A bin without records adds no stage (it would only
    /// repeat the previous stage's data).
    /// </summary>
    public static IReadOnlyList<TrainingStage> Stages(IReadOnlyList<(CurriculumBin Bin, string Dataset)> bins, ExportContext context)
    {
        var options = context.Options;
        string model = options.Model ?? options.Recipe.BaseModel;
        var stages = new List<TrainingStage>();
        for (int i = 0; i < bins.Count; i++)
        {
            int k = i + 1;
            string id = $"stage{k}_{bins[i].Bin.Name}";
            string output = Path.Combine(context.FinalDirectory, SavesFolder, $"{options.Name}-{options.Recipe.Id}-{id}");
            stages.Add(new TrainingStage(k, bins[i].Bin.Name, id + ".yaml", bins.Take(k).Select(b => b.Dataset).ToList(), model, output));
            model = output;
        }

        return stages;
    }

    /// <summary>The stage's training YAML: the recipe's sections and keys, in its order.</summary>
    public static string StageYaml(TrainingStage stage, ExportContext context)
    {
        var settings = context.Report.Settings;
        var recipe = context.Options.Recipe;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Curriculum stage {stage.Stage} ({stage.Bin}): {string.Join(", ", stage.Datasets)}, from {(stage.Stage == 1 ? "the base model" : "stage " + (stage.Stage - 1) + "'s output")}.\n");
        text.Append(CultureInfo.InvariantCulture, $"# SWE-Lego's released recipe swe_lego_qwen3_{recipe.Id}.yaml (LLaMA-Factory 0.9.4.dev0, the SWE-Lego fork: turn_mask) except report_to (wandb there).\n");
        text.Append("# Paper's global batch 64 = 8 GPUs x per_device_train_batch_size 1 x gradient_accumulation_steps 8. Run with train.sh.\n");
        Section(text, "model", new()
        {
            ["model_name_or_path"] = stage.Model,
            ["trust_remote_code"] = true,
        });
        Section(text, "method", new()
        {
            ["stage"] = "sft",
            ["do_train"] = true,
            ["finetuning_type"] = "full",
            ["deepspeed"] = Path.Combine(context.FinalDirectory, DeepSpeedFile),
        });
        Section(text, "dataset", new()
        {
            ["dataset"] = string.Join(',', stage.Datasets),
            ["dataset_dir"] = context.FinalDirectory,
            ["template"] = settings.Template,
            ["cutoff_len"] = settings.CutoffLen,
            ["rope_scaling"] = "yarn",
            ["max_samples"] = 1_000_000,
            ["overwrite_cache"] = true,
            ["preprocessing_num_workers"] = 16,
            ["dataloader_num_workers"] = 4,
            ["turn_mask"] = true,
        });
        Section(text, "output", new()
        {
            ["output_dir"] = stage.OutputDir,
            ["logging_steps"] = 1,
            ["save_strategy"] = "epoch",
            ["plot_loss"] = true,
            ["overwrite_output_dir"] = true,
            ["save_only_model"] = true,
            ["report_to"] = "none",
        });
        Section(text, "train", new()
        {
            ["per_device_train_batch_size"] = 1,
            ["gradient_accumulation_steps"] = 8,
            ["learning_rate"] = recipe.LearningRate,
            ["weight_decay"] = 0.01,
            ["max_grad_norm"] = 1.0,
            ["num_train_epochs"] = 4.0,
            ["lr_scheduler_type"] = "cosine",
            ["warmup_ratio"] = 0.1,
            ["bf16"] = true,
            ["ddp_timeout"] = 180_000_000,
            ["resume_from_checkpoint"] = null,
            ["enable_liger_kernel"] = true,
            ["use_unsloth_gc"] = true,
            ["flash_attn"] = "fa2",
        });
        return text.ToString();
    }

    /// <summary>The launch script: every stage in order, multi-node through LLaMA-Factory's torchrun variables, resumable.</summary>
    public static string TrainScript(IReadOnlyList<TrainingStage> stages, ExportContext context)
    {
        var text = new StringBuilder();
        text.Append("#!/usr/bin/env bash\n");
        text.Append(CultureInfo.InvariantCulture, $"# Trains on {context.Options.Name} with LLaMA-Factory in {stages.Count} curriculum stage(s); stage k starts from stage k-1's output.\n");
        text.Append("# Needs llamafactory-cli from the SWE-Lego fork of LLaMA-Factory (it reads turn_mask), DeepSpeed and GPUs.\n");
        text.Append("#\n# One node (all its GPUs):\n#   bash train.sh\n");
        text.Append("# Several nodes: run it on every node with the same MASTER_ADDR and MASTER_PORT and NODE_RANK 0..NNODES-1:\n");
        text.Append("#   FORCE_TORCHRUN=1 NNODES=2 NODE_RANK=0 MASTER_ADDR=10.0.0.1 MASTER_PORT=29500 bash train.sh   # on the first node\n");
        text.Append("#   FORCE_TORCHRUN=1 NNODES=2 NODE_RANK=1 MASTER_ADDR=10.0.0.1 MASTER_PORT=29500 bash train.sh   # on the second\n");
        text.Append("# NPROC_PER_NODE sets the GPUs per node (default: all). FORCE_TORCHRUN defaults to 1 here (DeepSpeed needs torchrun).\n");
        text.Append(CultureInfo.InvariantCulture, $"# A stage whose output folder holds {CompletedMarker} is skipped, so running this again resumes after the last finished stage.\n");
        text.Append("set -euo pipefail\n");
        text.Append("cd \"$(dirname \"${BASH_SOURCE[0]}\")\"\n");
        text.Append("export FORCE_TORCHRUN=\"${FORCE_TORCHRUN:-1}\"\n\n");
        text.Append("run_stage() {\n");
        text.Append("  local config=\"$1\" output=\"$2\"\n");
        text.Append(CultureInfo.InvariantCulture, $"  if [[ -f \"$output/{CompletedMarker}\" ]]; then\n");
        text.Append("    echo \"$config: already trained ($output), skipped\"\n");
        text.Append("    return 0\n");
        text.Append("  fi\n");
        text.Append("  echo \"$config: training into $output\"\n");
        text.Append("  llamafactory-cli train \"$config\"\n");
        text.Append(CultureInfo.InvariantCulture, $"  touch \"$output/{CompletedMarker}\"\n");
        text.Append("}\n\n");
        foreach (var stage in stages)
            text.Append(CultureInfo.InvariantCulture, $"run_stage {BashQuoting.QuoteIfNeeded(stage.Config)} {BashQuoting.QuoteIfNeeded(stage.OutputDir)}\n");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string name, OrderedDictionary<string, object?> values)
    {
        text.Append("\n### ").Append(name).Append('\n');
        text.Append(Yaml.Serialize(values));
    }
}
