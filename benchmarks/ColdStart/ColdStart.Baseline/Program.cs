// The floor: the runtime starts, prints and exits; the other programs print post 1 instead.
Console.WriteLine("baseline");
