package org.reprogram.workbench.core.run;

/** File names inside a run folder (the CLI and the GUI write the same layout). */
public final class RunFiles {

    public static final String CONFIG = "config.json";
    public static final String INFO = "info.json";
    public static final String RESULT = "result.json";
    /** Present while a process trains into the folder; holds its process id. */
    public static final String RUNNING = "RUNNING";
    public static final String METRICS = "metrics.csv";
    public static final String HISTORY = "history.jsonl";
    public static final String PROGRAM_PNG = "program.png";
    public static final String MAPPING_CSV = "mapping.csv";
    public static final String MAPPING_JSON = "mapping.json";
    /** A vision-language run's prompts and their embeddings ({@link RunPromptsFile}), written when training starts. */
    public static final String PROMPTS = "prompts.json";
    /** The user's name and note for the run ({@link RunNotes}); the only file the user edits. */
    public static final String NOTES = "notes.json";

    private RunFiles() {}
}
