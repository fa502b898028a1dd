suite('crash probe', () => {
  test('kills the extension host', () => {
    process.kill(process.pid, 'SIGKILL');
  });
});
