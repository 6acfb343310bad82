package dev.promptarena.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScaleTest {
    @Test
    void mapsLinearlyAndClamps() {
        Scale s = new Scale(0, 1, 20, 700);
        assertEquals("20.0", s.at(0));
        assertEquals("360.0", s.at(0.5));
        assertEquals("700.0", s.at(1));
        assertEquals("700.0", s.at(7), "values off the chart stay on its edge");
        assertEquals("20.0", s.at(-3));
    }

    @Test
    void invertedRangeForSvgY() {
        Scale y = new Scale(0, 1, 230, 20);
        assertEquals("230.0", y.at(0));
        assertEquals("20.0", y.at(1));
    }

    @Test
    void rejectsEmptyDomain() {
        assertThrows(IllegalArgumentException.class, () -> new Scale(1, 1, 0, 10));
    }

    @Test
    void scriptSafeEscapesEverythingThatCouldEndTheScript() {
        assertEquals("\"\\u003c/script\\u003e \\u0026 \\u2028\\u2029\"", CaseData.scriptSafe("\"</script> & \u2028\u2029\""));
        // DEL, C1 (U+009B is CSI) and bidi controls, which JSON leaves raw: cat report.html would replay or reorder them
        assertEquals("\"\\u007f \\u0085 \\u009b31m \\u202eevil \\u2066\"", CaseData.scriptSafe("\"\u007f \u0085 \u009B31m \u202Eevil \u2066\""));
    }
}
