export function DesignerPage() {
  return (
    <div className="p-8">
      <h1 className="text-xl font-semibold">Designer</h1>
    </div>
  );
}
