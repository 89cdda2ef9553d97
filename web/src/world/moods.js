// How a character's expression is shown to people: on its badge in the scene and in the talk panel.
export const MOODS = {
  happy: '😊 happy',
  content: '🙂 content',
  neutral: '😐 calm',
  sad: '😢 sad',
  annoyed: '😠 annoyed',
  angry: '😡 angry',
  surprised: '😮 surprised',
  concerned: '😟 concerned',
};

/** Returns the label of an expression (the expression itself when it is new to the client). */
export function moodLabel(expression) {
  return MOODS[expression] ?? expression ?? '';
}
