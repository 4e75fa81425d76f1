// Placeholder page until the game's UI lands: says what Interleave is and that it is coming.

import "./App.css";

export function App() {
  return (
    <main className="placeholder">
      <h1>Interleave</h1>
      <p>A puzzle game about concurrency: you are the thread scheduler, and your job is to break code that looks thread-safe.</p>
      <p className="placeholder-status">The game is being built.</p>
    </main>
  );
}
