export function SettingsPage() {
  return (
    <div className="p-8">
      <h1 className="text-xl font-semibold">Settings</h1>
    </div>
  );
}
