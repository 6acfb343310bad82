/** The rubric: judged axes with anchors, instructions and the checks it lists. */
package dev.promptarena.rubric;
