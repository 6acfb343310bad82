package dev.promptarena.llm.sim;

import dev.promptarena.llm.LlmRequest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes plausible customer-support replies. The system prompt shapes them: asking to cite the
 * policy makes a citation likely, asking to use the customer's name makes a greeting by name
 * likely; noise drops features so that the candidate does not win every case.
 */
final class SimGenerator {
    private static final Pattern NAME = Pattern.compile("(?im)^\\s*customer(?: name)?:\\s*(.+)$");
    private static final Pattern POLICY = Pattern.compile("(?m)^\\s*([^\\n:]*[Pp]olicy[^\\n:]*):\\s*(.+)$");
    private static final List<Topic> TOPICS = List.of(
            new Topic(List.of("arriv", "deliver", "tracking", "late", "shipping", "where is"),
                    "I'm sorry your package is late. I've opened a trace with the carrier and will update you within 24 hours; if it has not arrived within 2 more business days we will reship it or refund you in full."),
            new Topic(List.of("return", "exchange", "send back", "wrong size"),
                    "You can return it: I've emailed you a prepaid return label, and your refund is issued to the original payment method within 5 business days of the item reaching us."),
            new Topic(List.of("charged twice", "double", "refund", "charge", "billing", "invoice"),
                    "I can see the duplicate charge. I've refunded the second charge; it will show on your statement within 3 to 5 business days."),
            new Topic(List.of("address"),
                    "The order has not shipped yet, so I've updated the delivery address; you'll get a confirmation email shortly."),
            new Topic(List.of("damaged", "broken", "cracked", "defect"),
                    "I'm sorry it arrived damaged. Please reply with a photo and we will ship a replacement at no cost; there is no need to return the damaged item."),
            new Topic(List.of("cancel"),
                    "I've cancelled the order before it shipped, and the full amount will be refunded within 3 to 5 business days."));

    private final SimOptions options;

    SimGenerator(SimOptions options) { this.options = options; }

    private record Topic(List<String> keywords, String answer) {}

    String reply(LlmRequest request, SplittableRandom rng) {
        String system = request.system() == null ? "" : request.system().toLowerCase(Locale.ROOT);
        String user = request.lastUserText();
        boolean wantsCitation = system.contains("cite") || system.contains("policy");
        boolean wantsName = system.contains("name");
        double noise = options.noise();
        StringBuilder sb = new StringBuilder();
        Matcher name = NAME.matcher(user);
        if (name.find() && rng.nextDouble() < (wantsName ? 1 - noise : 0.15)) {
            sb.append("Hi ").append(name.group(1).trim().split("\\s+")[0]).append(", ");
        } else {
            sb.append("Hello, ");
        }
        if (rng.nextDouble() < noise / 2) {
            return sb.append("thanks for reaching out. Could you share a few more details so I can look into this for you?").toString();
        }
        sb.append("thanks for contacting us. ").append(topic(user).answer());
        String policy = bestPolicy(user);
        if (policy != null && rng.nextDouble() < (wantsCitation ? 1 - noise : 0.15)) {
            sb.append(" Per our ").append(policy).append('.');
        }
        // Filler that adds length without adding quality, independently of the prompt, so that
        // length and quality are not perfectly confounded (a realistic verbosity-bias test bed).
        if (rng.nextDouble() < 0.35) sb.append(" We truly value you as a customer and appreciate your patience and understanding while we take care of this for you.");
        if (rng.nextDouble() < 0.5) sb.append(" Is there anything else I can help you with?");
        return sb.toString();
    }

    private static Topic topic(String user) {
        String text = messagePart(user).toLowerCase(Locale.ROOT);
        for (Topic t : TOPICS) {
            for (String k : t.keywords()) if (text.contains(k)) return t;
        }
        return new Topic(List.of(), "I've looked into your order and will make sure this is resolved; I'll follow up by email within one business day.");
    }

    /** The customer's own words: the text after a "message:" line when there is one. */
    private static String messagePart(String user) {
        int i = user.toLowerCase(Locale.ROOT).lastIndexOf("message:");
        return i >= 0 ? user.substring(i) : user;
    }

    /** The policy line sharing the most words with the customer's message, as "Title: rule". */
    private static String bestPolicy(String user) {
        Set<String> words = words(messagePart(user));
        Matcher m = POLICY.matcher(user);
        String best = null;
        int bestOverlap = -1;
        while (m.find()) {
            Set<String> w = words(m.group(2));
            w.retainAll(words);
            if (w.size() > bestOverlap) {
                bestOverlap = w.size();
                best = m.group(1).trim() + ": " + m.group(2).trim().replaceAll("\\.$", "");
            }
        }
        return best;
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).filter(w -> w.length() > 3).forEach(out::add);
        return out;
    }
}
