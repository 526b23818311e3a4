export function MonitorPage() {
  return (
    <div className="p-8">
      <h1 className="text-xl font-semibold">Monitor</h1>
    </div>
  );
}
