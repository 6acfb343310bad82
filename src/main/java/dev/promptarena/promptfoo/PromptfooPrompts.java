package dev.promptarena.promptfoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptarena.input.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * promptfoo {@code prompts:} to system/user templates. Accepts inline strings, {@code file://} text files
 * (several prompts separated by {@code ---} lines), JSON chat files or strings ({@code [{role, content}]}),
 * objects with {@code raw}/{@code id} and {@code label}, and the older {@code {file://x: label}} map.
 * Script prompts (.js, .py) are listed as not mapped.
 */
final class PromptfooPrompts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    /** Nunjucks beyond plain {{var}}: tags, filters, and property access, which our templates do not evaluate. */
    private static final Pattern NUNJUCKS = Pattern.compile("\\{%|\\{\\{[^}]*\\|[^}]*}}|\\{\\{\\s*[A-Za-z_]\\w*(\\.\\w+|\\[)[^}]*}}");

    private final Path configFile;
    private final ImportNotes notes;

    PromptfooPrompts(Path configFile, ImportNotes notes) {
        this.configFile = configFile;
        this.notes = notes;
    }

    List<Prompt> read(YamlNode node) {
        List<Prompt> out = new ArrayList<>();
        if (node.isScalar()) {
            add(out, node, node.text(), null);
        } else if (node.isMapping()) {
            for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) add(out, e.getValue(), e.getKey(), e.getValue().text());
        } else {
            for (YamlNode item : node.list()) {
                if (item.isScalar()) {
                    add(out, item, item.text(), null);
                } else {
                    String label = item.text("label", null);
                    YamlNode raw = item.get("raw") != null ? item.get("raw") : item.get("id");
                    if (raw == null) throw item.error("a prompt object needs raw: or id:");
                    add(out, raw, raw.text(), label);
                }
            }
        }
        for (Prompt p : out) {
            if (NUNJUCKS.matcher(p.user()).find() || (p.system() != null && NUNJUCKS.matcher(p.system()).find())) {
                notes.unmapped("prompt '" + p.label() + "'", "Nunjucks tags, filters or property access ({% %}, |, a.b) are not evaluated here"
                        + " (templates substitute plain {{field}} only); rewrite that part of the prompt");
            }
        }
        return out;
    }

    private void add(List<Prompt> out, YamlNode at, String text, String label) {
        if (!Sources.isFileRef(text)) {
            out.add(fromText(at, text, label != null ? label : shortLabel(text)));
            return;
        }
        for (Path file : Sources.expand(at, configFile, text)) {
            String ext = Sources.extension(file);
            String name = label != null ? label : file.getFileName().toString();
            switch (ext) {
                case "txt", "md", "j2", "njk" -> {
                    String[] parts = SEPARATOR.split(Sources.read(file));
                    for (int i = 0; i < parts.length; i++) {
                        if (parts[i].isBlank()) continue;
                        out.add(fromText(at, parts[i].strip(), parts.length > 1 ? name + "#" + (i + 1) : name));
                    }
                }
                case "json" -> out.add(fromText(at, Sources.read(file), name));
                default -> notes.unmapped(at.file().getFileName() + ":" + at.line(), "prompt " + file.getFileName()
                        + " is a ." + ext + " prompt (a script or format not read here); write its text as system/user");
            }
        }
    }

    /** A plain template is the user message; a JSON chat array gives the system and user messages. */
    private Prompt fromText(YamlNode at, String text, String label) {
        String t = text.strip();
        if (!t.startsWith("[")) return new Prompt(label, null, text);
        JsonNode chat;
        try {
            chat = JSON.readTree(t);
        } catch (JsonProcessingException e) {
            return new Prompt(label, null, text);
        }
        List<String> system = new ArrayList<>();
        List<String> user = new ArrayList<>();
        int other = 0;
        for (JsonNode m : chat) {
            String role = m.path("role").asText();
            String content = m.path("content").isTextual() ? m.path("content").asText() : m.path("content").toString();
            switch (role) {
                case "system" -> system.add(content);
                case "user" -> user.add(content);
                default -> other++;
            }
        }
        if (other > 0 || user.size() != 1) {
            notes.unmapped("prompt '" + label + "'", "chat prompt with " + user.size() + " user and " + other
                    + " other message(s): a variant has one system and one user template, so the user messages were joined"
                    + " and assistant turns dropped (put conversations in the golden set's messages instead)");
        }
        if (user.isEmpty()) throw at.error("chat prompt '" + label + "' has no user message");
        return new Prompt(label, system.isEmpty() ? null : String.join("\n\n", system), String.join("\n\n", user));
    }

    private static String shortLabel(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
